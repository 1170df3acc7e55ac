"""Company settings: profile, labour rates, calendar overrides, parts catalogue, van stock moves.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 07:15:00
"""
