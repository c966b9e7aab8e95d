"""Lifecycle stages, their transitions, rejections and opportunities."""
