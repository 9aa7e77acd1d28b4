# Finds CLD2 (Debian: libcld2-dev), which ships no CMake or pkg-config file, and defines the
# imported target CLD2::CLD2. It links the full language tables (libcld2_full: 160+ languages;
# libcld2 alone has 83 and answers English for Latin) ahead of libcld2, with --no-as-needed,
# because nothing refers to libcld2_full by name: it replaces the small tables at load time.
find_path(CLD2_INCLUDE_DIR NAMES cld2/public/compact_lang_det.h)
find_library(CLD2_LIBRARY NAMES cld2)
find_library(CLD2_FULL_LIBRARY NAMES cld2_full)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(CLD2
  REQUIRED_VARS CLD2_LIBRARY CLD2_FULL_LIBRARY CLD2_INCLUDE_DIR)

if(CLD2_FOUND AND NOT TARGET CLD2::CLD2)
  add_library(CLD2::CLD2 INTERFACE IMPORTED)
  set_target_properties(CLD2::CLD2 PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES
      "-Wl,--no-as-needed;${CLD2_FULL_LIBRARY};-Wl,--as-needed;${CLD2_LIBRARY}")
endif()
mark_as_advanced(CLD2_INCLUDE_DIR CLD2_LIBRARY CLD2_FULL_LIBRARY)
