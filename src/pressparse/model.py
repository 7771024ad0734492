"""The record pressparse produces for one page: plain dataclasses, nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Location:
    name: str
    country_code: str | None


@dataclass
class Project:
    name: str
    acronym: str | None = None


@dataclass
class Funder:
    name: str


@dataclass
class Contact:
    name: str | None
    organization: str | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)


@dataclass
class Release:
    """One page's record. `to_dict()` gives the schema documented in the README, keys in order."""

    source: str | None = None
    url: str | None = None
    language: str | None = None
    headline: str | None = None
    location: Location | None = None
    date: str | None = None
    projects: list[Project] = field(default_factory=list)
    funders: list[Funder] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    body: str = ""
    warnings: list[str] = field(default_factory=list)
    # Optional keys, present in the output only when asked for (--evidence, --dedupe).
    evidence: dict | None = None
    duplicates: list[str] | None = None

    def to_dict(self) -> dict:
        record = {
            "source": self.source,
            "url": self.url,
            "language": self.language,
            "headline": self.headline,
            "location": None
            if self.location is None
            else {"name": self.location.name, "country_code": self.location.country_code},
            "date": self.date,
            "projects": [{"name": p.name, "acronym": p.acronym} for p in self.projects],
            "funders": [{"name": f.name} for f in self.funders],
            "contacts": [
                {"name": c.name, "organization": c.organization, "phones": list(c.phones), "emails": list(c.emails)}
                for c in self.contacts
            ],
            "body": self.body,
            "warnings": list(self.warnings),
        }
        if self.evidence is not None:
            record["evidence"] = self.evidence
        if self.duplicates is not None:
            record["duplicates"] = list(self.duplicates)
        return record
