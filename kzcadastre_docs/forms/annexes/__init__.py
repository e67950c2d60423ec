"""The annexes of Order No. 156, one module per annex."""
