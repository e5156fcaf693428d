-- Whether an external provider vouched for the account's email. Registration never checks that an address belongs
-- to the registrant, so only such an account may be signed in to by another identity with the same email: linking
-- an unverified one would hand it over to whoever registered the address first.
ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT false;
