"""The job screen: customer and item, the visit, diagnosis, parts, money and advice."""
