"""Numbers and dates as Persian news writes them: «۴ هزارو ۲۰۰», «دو میلیون», «۱۵ مهر ۱۴۰۲»."""
