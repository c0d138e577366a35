"""Stage 3: groups and judgements. Which claims speak of the same thing, and do they agree."""
