"""Company settings the office sends every laptop: profile, labour rates, calendar overrides.

Revision ID: e9c3a7f5b2d6
Revises: d8a4f6b3c1e5
Create Date: 2026-11-25 07:15:00
"""
