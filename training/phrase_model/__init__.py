"""The phrase model: a peer of the reader's span head, measured by training.judge; the product does not ship it."""
