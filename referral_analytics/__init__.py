"""Referral Analytics: measure a real-estate team's referral system from its CRM exports."""

__version__ = "0.1.0"
