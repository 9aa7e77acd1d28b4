# Validates every file kept by KeepForSchemaCheck() (tests/common/test_util.h) in one call:
#   KIND=tei: jing SCHEMA FILES...            (TEI P5 tei_all.rng)
#   KIND=tmx: xmllint --noout --dtdvalid SCHEMA FILES...   (TMX 1.4 DTD)
# Fails when the validator is missing, when there is nothing to check (the tests that should
# have written files did not run), and when any file is invalid.
if(NOT VALIDATOR)
  message(FATAL_ERROR "the ${KIND} validator is not installed (./test.sh installs it)")
endif()
file(GLOB files "${DIR}/*")
list(LENGTH files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no ${KIND} files to validate in ${DIR}: did the tests that write them run?")
endif()
if(KIND STREQUAL "tei")
  execute_process(COMMAND "${VALIDATOR}" "${SCHEMA}" ${files} RESULT_VARIABLE result
    OUTPUT_VARIABLE out ERROR_VARIABLE out)
else()
  execute_process(COMMAND "${VALIDATOR}" --noout --dtdvalid "${SCHEMA}" ${files}
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
endif()
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${count} ${KIND} files, some invalid:\n${out}")
endif()
message(STATUS "${count} ${KIND} files valid")
