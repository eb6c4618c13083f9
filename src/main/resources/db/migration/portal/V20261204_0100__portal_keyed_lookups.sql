-- The borrower's mobile is looked up by a keyed digest (HMAC-SHA256 with the blind-index key,
-- XIAODAI_INDEX_KEY) instead of an unkeyed SHA-256, which anybody could reverse by trying the
-- ~10^9 mobile numbers. The plain mobile is not stored, so the rows registered before cannot be
-- rehashed here: they keep their SHA-256 (mobile_hash_keyed = false) and are rehashed at their next
-- sign-in, when the borrower types the mobile.
alter table portal_borrower add column mobile_hash_keyed boolean not null default false;

-- The person key (keyed digest of ID number and mobile, as the customer module computes it): a customer
-- record created later for the same person is linked to the borrower (IndividualCustomerRecorded).
-- Null for borrowers registered before; filled at their next sign-in from a record they are linked to.
alter table portal_borrower add column person_key text;
create index portal_borrower_person_key on portal_borrower (person_key);
