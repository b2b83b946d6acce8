"""The portal's page kinds, one module each."""
