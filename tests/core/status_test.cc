#include "tandem/core/status.h"

#include <memory>
#include <string>

#include <gtest/gtest.h>

namespace tandem {
namespace {

TEST(Status, DefaultIsOkWithoutMessage) {
  const Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kOk);
  EXPECT_EQ(status.message(), "");
  EXPECT_EQ(status.ToString(), "ok");
}

TEST(Status, ErrorsCarryCodeAndMessage) {
  const Status status = InvalidDataError("hu.txt:3:1: invalid UTF-8 (byte 0xC3)");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kInvalidData);
  EXPECT_EQ(status.ToString(), "hu.txt:3:1: invalid UTF-8 (byte 0xC3)");
  EXPECT_EQ(StatusCodeName(status.code()), "invalid data");
}

TEST(Status, OkCodeDropsMessage) { EXPECT_EQ(Status(StatusCode::kOk, "ignored").message(), ""); }

TEST(Status, WithContextPrefixesErrorsOnly) {
  EXPECT_EQ(NotFoundError("x").WithContext("reading corpus").message(), "reading corpus: x");
  EXPECT_TRUE(Status::Ok().WithContext("reading corpus").ok());
}

TEST(StatusOr, HoldsValueOrError) {
  StatusOr<std::string> value(std::string("abc"));
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, "abc");
  EXPECT_EQ(value->size(), 3u);

  StatusOr<std::string> error(IoError("disk"));
  EXPECT_FALSE(error.ok());
  EXPECT_EQ(error.status().code(), StatusCode::kIoError);
}

TEST(StatusOr, HoldsMoveOnlyTypes) {
  StatusOr<std::unique_ptr<int>> value(std::make_unique<int>(7));
  ASSERT_TRUE(value.ok());
  std::unique_ptr<int> owned = std::move(value).value();
  EXPECT_EQ(*owned, 7);
}

StatusOr<int> Parse(bool fail) {
  if (fail) return InvalidArgumentError("bad");
  return 41;
}

Status AddOne(bool fail, int* out) {
  TANDEM_ASSIGN_OR_RETURN(const int value, Parse(fail));
  *out = value + 1;
  return Status::Ok();
}

Status Chain(bool fail) {
  int unused = 0;
  TANDEM_RETURN_IF_ERROR(AddOne(fail, &unused));
  return Status::Ok();
}

TEST(StatusMacros, PropagateErrorsAndValues) {
  int out = 0;
  EXPECT_TRUE(AddOne(false, &out).ok());
  EXPECT_EQ(out, 42);
  EXPECT_EQ(AddOne(true, &out).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Chain(false).ok());
  EXPECT_EQ(Chain(true).message(), "bad");
}

}  // namespace
}  // namespace tandem
