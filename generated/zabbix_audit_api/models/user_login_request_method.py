from enum import StrEnum


class UserLoginRequestMethod(StrEnum):
    USER_LOGIN = "user.login"

    def __str__(self) -> str:
        return str(self.value)
