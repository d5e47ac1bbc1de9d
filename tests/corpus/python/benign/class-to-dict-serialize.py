# benign: domain objects serialized through explicit to_dict methods
import json
from dataclasses import dataclass
from datetime import date


class Account:
    def __init__(self, owner: str, balance: float) -> None:
        self.owner = owner
        self.balance = balance

    def to_dict(self) -> dict:
        return {"owner": self.owner, "balance": round(self.balance, 2)}

    def __repr__(self) -> str:
        return f"Account(owner={self.owner!r}, balance={self.balance:.2f})"


@dataclass
class Statement:
    account: Account
    day: date

    def to_dict(self) -> dict:
        return {"account": self.account.to_dict(), "day": self.day.isoformat()}


accounts = [Account("ana", 120.5), Account("bo", 75.25)]
statements = [Statement(a, date(2024, 1, 31)) for a in accounts]
print(accounts)
print(json.dumps([s.to_dict() for s in statements], indent=2))
print(getattr(accounts[0], "owner"), getattr(accounts[0], "currency", "EUR"))
