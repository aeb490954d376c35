from ninja import Schema


class ProfileOut(Schema):
    name: str
    target_role: str
    industry: str
    time_zone: str
    weekly_hours: list[float]


class MeOut(Schema):
    email: str
    profile: ProfileOut
