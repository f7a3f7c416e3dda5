# moc in Qt 6.4 cannot parse libstdc++'s C++20 <concepts> (it misreads the header's guard),
# and AUTOMOC hands it the compiler's implicit include directories, so any header reaching
# <string> or <compare> fails to moc. moc needs nothing from the standard library: hiding
# the libstdc++ directories from it (in this directory only) makes it skip those includes.
# The compiler still finds them, as they are its own built-in paths.
list(FILTER CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES EXCLUDE REGEX "/c\\+\\+(/|$)")   # mingw: ends in .../include/c++
