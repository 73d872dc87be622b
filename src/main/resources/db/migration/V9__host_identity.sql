-- Host identity (issue #9): the host platform's own ids of sites, staff members and customers, named by the claims
-- of the host's signed tokens and by the host's events (issue #10). Null for rows the host has not named (yet).
-- A site's host id is unique across the host; staff and customer host ids are unique within their site.
-- Plain SQL for H2 and PostgreSQL (both treat nulls as distinct in unique constraints).
alter table site add column host_id varchar(100);
alter table site add constraint site_host_id_uk unique (host_id);

alter table staff add column host_id varchar(100);
alter table staff add constraint staff_site_host_id_uk unique (site_id, host_id);

alter table customer add column host_id varchar(100);
alter table customer add constraint customer_site_host_id_uk unique (site_id, host_id);
