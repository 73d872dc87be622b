-- #12: the language a dashboard user (owner, staff, operator) chose for the pages; null = the browser's
alter table app_user add column locale varchar(35);
