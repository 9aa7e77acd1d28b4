# tandem_embed_files(TARGET NAME NAMESPACE FILES ident1 path1 ident2 path2 ...)
#
# Compiles files into TARGET at build time: generates NAME.h / NAME.cc in the build tree with one
# function per file, `std::string_view ident()` in NAMESPACE, returning the file's bytes. The web
# pages of `tandem review` and `tandem report` are written as ordinary HTML, CSS and JavaScript
# files and reach the binary this way, so users need no build step and no files beside it.
function(tandem_embed_files target name namespace)
  cmake_parse_arguments(ARG "" "" "FILES" ${ARGN})
  set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/embedded")
  set(idents "")
  set(paths "")
  set(depends "")
  list(LENGTH ARG_FILES n)
  math(EXPR last "${n} - 1")
  foreach(i RANGE 0 ${last} 2)
    math(EXPR j "${i} + 1")
    list(GET ARG_FILES ${i} ident)
    list(GET ARG_FILES ${j} path)
    get_filename_component(path "${path}" ABSOLUTE)
    string(APPEND idents "${ident}|")
    string(APPEND paths "${path}|")
    list(APPEND depends "${path}")
  endforeach()
  add_custom_command(
    OUTPUT "${out_dir}/${name}.cc" "${out_dir}/${name}.h"
    COMMAND "${CMAKE_COMMAND}" "-DOUT_DIR=${out_dir}" "-DNAME=${name}" "-DNAMESPACE=${namespace}"
      "-DIDENTS=${idents}" "-DPATHS=${paths}" -P "${TANDEM_SOURCE_ROOT}/cmake/embed_files.cmake"
    DEPENDS ${depends} "${TANDEM_SOURCE_ROOT}/cmake/embed_files.cmake"
    COMMENT "Embedding ${name}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out_dir}/${name}.cc" "${out_dir}/${name}.h")
  target_include_directories(${target} PRIVATE "${out_dir}")
endfunction()
