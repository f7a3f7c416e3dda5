#include "server/cli.h"

#include <iostream>

int main(int argc, char** argv)
{
    return shouwang::server::runCli(argc, argv, std::cout, std::cerr);
}
