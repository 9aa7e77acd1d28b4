// Status and StatusOr: how every tandem library function reports failure.
//
// The libraries never throw across their boundary, never print and never exit. A function
// that can fail returns `Status` (nothing else to return) or `StatusOr<T>` (a value or the
// reason there is none). Messages name the input and the position, the way a compiler does:
//
//   hu.txt:120:17: invalid UTF-8 (byte 0xC3)
//
// so that the command line can print them as they are.
//
//   tandem::StatusOr<tandem::DecodedText> text = tandem::ReadTextFile("hu.txt");
//   if (!text.ok()) return text.status();
//   Use(text->text);
//
// Inside functions that themselves return Status or StatusOr, the two macros keep call sites
// short:
//
//   TANDEM_ASSIGN_OR_RETURN(auto text, tandem::ReadTextFile(path));
//   TANDEM_RETURN_IF_ERROR(Validate(text));
//
// Invariants: an ok Status has an empty message; a StatusOr holds a value exactly when its
// status is ok. Reading the value of a failed StatusOr is a programming error (assert).
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace tandem {

// What went wrong, coarsely; the message says the rest. The command line maps
// kInvalidArgument (a bad option value) to exit code 2 and everything else to 1.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // an option or parameter given by the caller is not acceptable
  kNotFound,           // a file, dictionary or id that was asked for does not exist
  kInvalidData,        // an input's content is malformed (bad UTF-8, bad XML, bad line)
  kIoError,            // reading or writing failed at the operating-system level
  kUnsupported,        // a well-formed request tandem cannot carry out (unknown format)
  kResourceExhausted,  // the input would need more memory or time than allowed
  kConflict,           // the state on disk changed under us (review saves)
  kCancelled,          // the caller asked to stop
  kInternal,           // a dependency failed in a way that is not the input's fault
};

// The name of a code, e.g. "invalid data", for logs and JSON output.
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message);

  static Status Ok() { return {}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // The message, or "ok".
  std::string ToString() const;

  // The same status with `context` put in front of the message ("reading en.txt: ...").
  // Ok statuses stay ok.
  Status WithContext(std::string_view context) const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A Status of each code with `message`, which names the input ("hu.txt:120:17: ...").
Status InvalidArgumentError(std::string message);
Status NotFoundError(std::string message);
Status InvalidDataError(std::string message);
Status IoError(std::string message);
Status UnsupportedError(std::string message);
Status ResourceExhaustedError(std::string message);
Status ConflictError(std::string message);
Status CancelledError(std::string message);
Status InternalError(std::string message);

// A value of type T, or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  // Implicit on purpose, so that `return value;` and `return SomeError(...);` both work.
  StatusOr(T value) : value_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!status_.ok() && "a StatusOr without a value needs an error status");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const& { return status_; }
  Status status() && { return std::move(status_); }

  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T& value() & {
    assert(ok());
    return *value_;
  }
  T value() && {
    assert(ok());
    return std::move(*value_);
  }

  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace tandem

#define TANDEM_STATUS_CONCAT_INNER_(a, b) a##b
#define TANDEM_STATUS_CONCAT_(a, b) TANDEM_STATUS_CONCAT_INNER_(a, b)

// Returns from the current function when `expr` (a Status) is not ok.
#define TANDEM_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::tandem::Status tandem_status_ = (expr);        \
    if (!tandem_status_.ok()) return tandem_status_; \
  } while (false)

// Evaluates `expr` (a StatusOr), returns its status when it failed, and otherwise moves its
// value into `lhs` (which may be a declaration such as `auto x`).
#define TANDEM_ASSIGN_OR_RETURN(lhs, expr) \
  TANDEM_ASSIGN_OR_RETURN_IMPL_(TANDEM_STATUS_CONCAT_(tandem_status_or_, __LINE__), lhs, expr)

#define TANDEM_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return std::move(tmp).status();      \
  lhs = std::move(tmp).value()
