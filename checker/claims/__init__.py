"""Stage 2: Doc -> claims. Typed values (Interval, Quantity, DateValue, Person) and the claims table."""
