"""Exact numbers as int64 columns: ± mantissa × 10^-scale, and how they become Arrow values.

A cell's digits are an integer (the mantissa) and its decimals a power of ten (the scale),
both exact. Only here do they become what is stored: cents rounded half away from zero for
money, whole numbers checked for fractions and overflow, and floats rounded once, as parsing
the decimal text would.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from referral_analytics.ingest.values.shapes import validity_bitmap

MONEY = pa.decimal128(18, 2)
POW10 = np.array([10**i for i in range(19)], dtype=np.int64)
MONEY_LIMIT = 10**18  # decimal128(18, 2) holds 18 digits: below 10^16 with the cents
INT64_MAX = np.iinfo(np.int64).max
EXACT_FLOAT, EXACT_POWER = 2**53, 22  # integers and powers of ten a float holds exactly


def floats(mantissa: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """± mantissa × 10^-scale as the nearest float, as parsing the decimal text would give."""
    # With the mantissa below 2^53 and 10^k exact (k ≤ 22), one division rounds once.
    # Longer mantissas (over 15 digits) would round twice, so Python parses those.
    with np.errstate(over="ignore", under="ignore"):
        power = np.power(10.0, np.abs(scale).astype(np.float64))
        values = np.where(scale > 0, mantissa / power, mantissa * power)
    values = np.where(mantissa == 0, 0.0, values)
    inexact = np.flatnonzero((mantissa >= EXACT_FLOAT) | (np.abs(scale) > EXACT_POWER))
    for row in inexact.tolist():
        values[row] = float(f"{mantissa[row]}e{-scale[row]}")
    return values


def cents(mantissa: np.ndarray, scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Hundredths, rounded half away from zero, and which rows do not fit decimal(18, 2)."""
    shift = 2 - scale
    up = np.clip(shift, 0, 18)
    down = np.clip(-shift, 0, 18)
    too_large = (shift > 18) & (mantissa > 0) | (mantissa > (MONEY_LIMIT - 1) // POW10[up])
    too_large &= shift >= 0
    divisor = POW10[down]
    rounded = mantissa // divisor + (2 * (mantissa % divisor) >= divisor)
    rounded = np.where(-shift > 18, 0, rounded)  # less than half a cent
    hundredths = np.where(shift >= 0, np.where(too_large, 0, mantissa * POW10[up]), rounded)
    return hundredths, too_large


def whole(mantissa: np.ndarray, scale: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Whole numbers, which rows overflow int64 and which have a fraction."""
    up = np.clip(-scale, 0, 18)
    down = np.clip(scale, 0, 18)
    too_large = (scale < 0) & (
        ((-scale > 18) & (mantissa > 0)) | (mantissa > INT64_MAX // POW10[up])
    )
    fraction = (scale > 0) & ((mantissa % POW10[down] != 0) | ((scale > 18) & (mantissa > 0)))
    value = np.where(
        scale > 0, mantissa // POW10[down], np.where(too_large, 0, mantissa * POW10[up])
    )
    return value, too_large, fraction


def decimals(hundredths: np.ndarray, valid: np.ndarray) -> pa.Array:
    """Hundredths as a decimal128(18, 2) array, null where not ``valid``."""
    # decimal128 is two little-endian 64-bit words per value: the low one is the int64
    # itself, the high one its sign extended.
    words = np.empty((len(hundredths), 2), dtype=np.int64)
    words[:, 0] = hundredths
    words[:, 1] = np.where(hundredths < 0, -1, 0)
    return pa.Array.from_buffers(
        MONEY, len(hundredths), [validity_bitmap(valid), pa.py_buffer(words)]
    )
