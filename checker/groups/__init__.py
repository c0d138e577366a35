"""Stage 4: claims -> groups. Figures about the same quantity, mentions of the same person.

Grouping only groups; the rules in findings/ judge the groups.
"""
