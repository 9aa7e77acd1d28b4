#include "common.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include <fmt/format.h>

#include "tandem/core/text_io.h"

namespace tandem::cli {

int ReportError(const Status& status) {
  std::cerr << "tandem: error: " << status.message() << '\n';
  return status.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
}

Status WriteOutput(const std::string& path, const std::function<Status(std::ostream&)>& write) {
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput out, AtomicOutput::Open(path));
  TANDEM_RETURN_IF_ERROR(write(out.stream()));
  return out.Commit();
}

std::string Timestamp() {
  std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    const long long value = std::strtoll(epoch, &end, 10);
    if (end != nullptr && *end == '\0' && value >= 0) seconds = static_cast<std::time_t>(value);
  }
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

}  // namespace tandem::cli
