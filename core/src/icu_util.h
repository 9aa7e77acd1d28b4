// Private helpers around ICU: the one place where UErrorCode becomes Status, and the charset
// functions that text_io.cc needs. ICU types never leave core/src.
#pragma once

#include <string>
#include <string_view>

#include <unicode/locid.h>
#include <unicode/utypes.h>

#include "tandem/core/status.h"

namespace tandem::internal {

// Ok for U_SUCCESS codes, which include ICU's warnings (U_USING_DEFAULT_WARNING etc.).
Status IcuStatus(UErrorCode code, std::string_view what);

// The ICU locale of a BCP 47 language tag; kInvalidArgument when ICU does not know the
// language (its ISO 639-3 code is unknown).
StatusOr<icu::Locale> IcuLocaleFor(const std::string& language);

// Converts `bytes` from `encoding` to UTF-8 with ICU. An unknown encoding is
// kInvalidArgument; a byte sequence that is illegal in that encoding is kInvalidData naming
// its position in the input.
StatusOr<std::string> ConvertToUtf8(std::string_view bytes, const std::string& encoding,
                                    std::string_view name);

// ICU's charset detector's best guess for `bytes` ("ISO-8859-2", "windows-1250", ...), or ""
// when it has none.
std::string GuessEncoding(std::string_view bytes);

}  // namespace tandem::internal
