-- #13 item 2: emails people can act on.
-- The business's own address, the Reply-To of its customers' emails (null: no Reply-To). From the host's
-- plugin.installed (contactEmail, else the owner's email) or set over the API.
alter table site add column contact_email varchar(254);
-- The language of a staff member's emails (a language tag such as ko or en); null: Korean, as before.
alter table staff add column locale varchar(35);
-- The .ics calendar entry of a customer's booked session: one UID per customer and session, and the SEQUENCE its
-- last email carried. Every email carrying the entry takes the next number, so the latest email (rendered when sent,
-- so the most current) always updates the entry in the customer's calendar instead of adding one.
create table calendar_entry (
    customer_id bigint  not null references customer (id),
    session_id  bigint  not null references session (id),
    sequence    integer not null,
    primary key (customer_id, session_id)
);
