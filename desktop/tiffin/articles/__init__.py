"""Full articles: extraction of a page's main text, its images, and the strict sanitiser."""
