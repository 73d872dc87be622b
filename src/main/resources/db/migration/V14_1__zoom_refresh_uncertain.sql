-- #14: a Zoom token refresh whose answer never came (timeout, connection lost after sending) may have rotated the
-- refresh token at Zoom. It is never replayed: the row remembers when that happened, the stored access token is used
-- while it lasts, the business is alerted, and only a new sign-in (or a later successful rotation) clears it.
alter table zoom_credential add column refresh_uncertain_since timestamp with time zone;
