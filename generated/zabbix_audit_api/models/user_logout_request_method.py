from enum import StrEnum


class UserLogoutRequestMethod(StrEnum):
    USER_LOGOUT = "user.logout"

    def __str__(self) -> str:
        return str(self.value)
