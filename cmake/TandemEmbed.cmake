# tandem's one way of compiling data files into a library or binary at build time, so that
# tandem needs no install path and no files beside the binary: the web pages of `tandem review`
# and `tandem report`, the RELAX NG schema, the FreeDict package names, the number words and
# the segmentation rules all reach the code this way.
#
#   tandem_embed_files(TARGET NAME NAMESPACE FILES ident1 path1 ident2 path2 ...)
#     generates NAME.h / NAME.cc in the build tree with one function per file in NAMESPACE,
#     `std::string_view ident()`, returning the file's bytes.
#
#   tandem_embed_files(TARGET NAME NAMESPACE TABLE function FILES path1 path2 ...)
#     generates one function, `std::span<const tandem::internal::EmbeddedFile> function()`,
#     listing the files in order, each named by its file name without directory and extension
#     (core/util/include/tandem/util/embedded_file.h; TARGET must see tandem_util).
function(tandem_embed_files target name namespace)
  cmake_parse_arguments(ARG "" "TABLE" "FILES" ${ARGN})
  set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/embedded")
  set(idents "")
  set(paths "")
  set(depends "")
  list(LENGTH ARG_FILES n)
  if(ARG_TABLE)
    foreach(path IN LISTS ARG_FILES)
      get_filename_component(path "${path}" ABSOLUTE)
      get_filename_component(entry "${path}" NAME_WE)
      string(APPEND idents "${entry}|")
      string(APPEND paths "${path}|")
      list(APPEND depends "${path}")
    endforeach()
  else()
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
  endif()
  add_custom_command(
    OUTPUT "${out_dir}/${name}.cc" "${out_dir}/${name}.h"
    COMMAND "${CMAKE_COMMAND}" "-DOUT_DIR=${out_dir}" "-DNAME=${name}" "-DNAMESPACE=${namespace}"
      "-DIDENTS=${idents}" "-DPATHS=${paths}" "-DTABLE=${ARG_TABLE}"
      -P "${TANDEM_SOURCE_ROOT}/cmake/embed_files.cmake"
    DEPENDS ${depends} "${TANDEM_SOURCE_ROOT}/cmake/embed_files.cmake"
    COMMENT "Embedding ${name}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out_dir}/${name}.cc" "${out_dir}/${name}.h")
  target_include_directories(${target} PRIVATE "${out_dir}")
endfunction()
