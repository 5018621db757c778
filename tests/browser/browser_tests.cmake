# The browser tests (scripts/browser-test.sh): `ctest -L browser`. They need chromium, node and
# npm (scripts/install-deps.sh) and fail when one is missing.
add_test(NAME BrowserTests
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/browser-test.sh $<TARGET_FILE:stdok>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(BrowserTests PROPERTIES LABELS browser TIMEOUT 900 RUN_SERIAL TRUE)
