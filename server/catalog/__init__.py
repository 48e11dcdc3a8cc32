"""The public catalog: search of published, available listings of visible sellers."""
