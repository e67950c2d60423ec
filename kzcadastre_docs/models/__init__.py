"""Data models of the documents (pydantic v2) and their shared parts."""

from .base import DocumentModel, check_text

__all__ = ["DocumentModel", "check_text"]
