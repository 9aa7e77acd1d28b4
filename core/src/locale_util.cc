#include "locale_util.h"

#include <exception>

#include <boost/locale/generator.hpp>
#include <boost/locale/localization_backend.hpp>
#include <fmt/format.h>

#include "icu_util.h"

namespace tandem::internal {

StatusOr<std::locale> MakeBoostLocale(const std::string& language) {
  TANDEM_ASSIGN_OR_RETURN(const icu::Locale icu_locale, IcuLocaleFor(language));
  try {
    boost::locale::localization_backend_manager manager =
        boost::locale::localization_backend_manager::global();
    manager.select("icu");
    boost::locale::generator generator(manager);
    generator.categories(boost::locale::convert_facet | boost::locale::boundary_facet |
                         boost::locale::collation_facet | boost::locale::information_facet);
    return generator(std::string(icu_locale.getName()) + ".UTF-8");
  } catch (const std::exception& e) {
    return InternalError(
        fmt::format("cannot create the Boost.Locale locale for '{}': {}", language, e.what()));
  }
}

}  // namespace tandem::internal
