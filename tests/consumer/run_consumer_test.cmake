# Installs the build tree into a scratch prefix, then configures, builds and runs the consumer
# project against it. Run by CTest as `consumer.find_package`.
set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${prefix}" "${build}")
if(NOT CONFIG)
  set(CONFIG Release)
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" --install "${TANDEM_BUILD_DIR}" --prefix "${prefix}"
                        --config "${CONFIG}"
                COMMAND_ERROR_IS_FATAL ANY OUTPUT_QUIET)
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${CONSUMER_SOURCE_DIR}" -B "${build}"
                        "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_BUILD_TYPE=${CONFIG}"
                COMMAND_ERROR_IS_FATAL ANY OUTPUT_QUIET)
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${build}" --config "${CONFIG}"
                COMMAND_ERROR_IS_FATAL ANY OUTPUT_QUIET)
execute_process(COMMAND "${build}/consumer" OUTPUT_VARIABLE xml COMMAND_ERROR_IS_FATAL ANY)
if(NOT xml MATCHES "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">")
  message(FATAL_ERROR "the consumer did not write a TEI corpus:\n${xml}")
endif()
# The schemas are installed for other tools; the installed one accepts what the consumer wrote.
foreach(schema tandem-tei.rng tmx14.rng)
  if(NOT EXISTS "${prefix}/share/tandem/schema/${schema}")
    message(FATAL_ERROR "share/tandem/schema/${schema} is not installed")
  endif()
endforeach()
file(WRITE "${WORK_DIR}/consumer.tei.xml" "${xml}")
execute_process(COMMAND "${prefix}/bin/tandem" validate --schema-only -q
                        --schema-file "${prefix}/share/tandem/schema/tandem-tei.rng"
                        "${WORK_DIR}/consumer.tei.xml"
                RESULT_VARIABLE valid OUTPUT_VARIABLE problems ERROR_VARIABLE problems)
if(NOT valid EQUAL 0)
  message(FATAL_ERROR "the installed tandem-tei.rng rejects the consumer's TEI:\n${problems}")
endif()
message(STATUS "consumer built against ${prefix}, wrote TEI, valid against the installed schema")
