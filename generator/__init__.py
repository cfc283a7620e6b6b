"""Seed Explainer: news articles in, searchable explainer site out."""

__version__ = "0.1.0"
