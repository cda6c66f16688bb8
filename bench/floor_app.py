"""The smallest app with a slider in a fragment: Streamlit's own cost of a fragment rerun.

``bench/fragments.py`` moves its slider with the same client as the pages' weight sliders, so
the difference between the two figures is what our page adds.
"""

import streamlit as st


@st.fragment
def weight() -> None:
    """One slider and the value it sets."""
    st.write(st.slider("Weight", 0.0, 1.0, 0.3, 0.05, key="w_floor"))


weight()
