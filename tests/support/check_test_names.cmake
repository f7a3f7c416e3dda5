# CTest keeps test names in ';'-separated lists: a Catch2 test name holding ';' is split by
# catch_discover_tests into entries that select no test and pass without running anything.
# Run as: cmake -DTESTS_DIR=<tests/> -P check_test_names.cmake
file(GLOB_RECURSE sources "${TESTS_DIR}/*.cpp")
set(bad "")
foreach(source IN LISTS sources)
    file(STRINGS "${source}" lines REGEX "TEST_CASE\\(\"[^\"]*[;]")
    if(lines)
        string(APPEND bad "\n  ${source}")
    endif()
endforeach()
if(bad)
    message(FATAL_ERROR "test names with ';' (CTest would split them and run nothing):${bad}")
endif()
