"""The machinery shared by all content the BTS coordinator maintains: draft and publish,
review dates, change history with restore, translated fields, Markdown, file uploads."""
