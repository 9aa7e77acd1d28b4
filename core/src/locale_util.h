// Private: std::locale objects with Boost.Locale's ICU backend, made without touching the
// process-wide backend selection (the libraries keep no global mutable state).
#pragma once

#include <locale>
#include <string>

#include "tandem/core/status.h"

namespace tandem::internal {

// A UTF-8 std::locale for a BCP 47 language with Boost.Locale facets from the ICU backend.
// The other backends do ASCII-only case mapping without a matching system locale.
StatusOr<std::locale> MakeBoostLocale(const std::string& language);

}  // namespace tandem::internal
