"""Entry point of ``python -m referral_analytics``."""

import sys

from referral_analytics.cli import main

sys.exit(main())
