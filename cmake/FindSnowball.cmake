# Finds the Snowball stemmer library (libstemmer, Debian libstemmer-dev), which ships neither a
# CMake config nor a pkg-config file, and defines the imported target Snowball::stemmer.
#
#   find_package(Snowball REQUIRED)
#   target_link_libraries(my_target PRIVATE Snowball::stemmer)
#
# Result variables: Snowball_FOUND, Snowball_INCLUDE_DIR, Snowball_LIBRARY.
# Installed next to tandemConfig.cmake, so that consumers of the static tandem libraries find
# the same library.
find_path(Snowball_INCLUDE_DIR NAMES libstemmer.h DOC "directory of libstemmer.h")
find_library(Snowball_LIBRARY NAMES stemmer DOC "the Snowball stemmer library")

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Snowball REQUIRED_VARS Snowball_LIBRARY Snowball_INCLUDE_DIR)
mark_as_advanced(Snowball_INCLUDE_DIR Snowball_LIBRARY)

if(Snowball_FOUND AND NOT TARGET Snowball::stemmer)
  add_library(Snowball::stemmer UNKNOWN IMPORTED)
  set_target_properties(Snowball::stemmer PROPERTIES
    IMPORTED_LOCATION "${Snowball_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${Snowball_INCLUDE_DIR}")
endif()
