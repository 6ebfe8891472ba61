# What `cmake --install` puts where, the CMake package (find_package(styr)),
# the pkg-config file and the Debian package (cpack -G DEB).

install(TARGETS styr_shared styr_static EXPORT styrTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/styr.h ${PROJECT_BINARY_DIR}/include/styr_version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/ DESTINATION ${STYR_INSTALL_RULES_REL})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/styr/schemas)
install(FILES ${PROJECT_SOURCE_DIR}/docs/styr.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/integration.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# find_package(styr CONFIG REQUIRED) gives styr::styr (the shared library,
# whose dependencies are its own business) and styr::styr_static (which
# needs Lua, libyaml and PCRE2 at link time: the config file finds them).
include(CMakePackageConfigHelpers)
set(STYR_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/styr)
install(EXPORT styrTargets NAMESPACE styr:: FILE styrTargets.cmake DESTINATION ${STYR_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/styrConfig.cmake.in
  ${PROJECT_BINARY_DIR}/styrConfig.cmake INSTALL_DESTINATION ${STYR_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/styrConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/styrConfig.cmake ${PROJECT_BINARY_DIR}/styrConfigVersion.cmake
        DESTINATION ${STYR_CMAKE_DIR})

# pkg-config: `--libs` links libstyr.so; `--static --libs` adds what
# libstyr.a needs. Relative to the .pc file, so the tree can move.
file(RELATIVE_PATH STYR_PC_TO_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
configure_file(${PROJECT_SOURCE_DIR}/cmake/styr.pc.in ${PROJECT_BINARY_DIR}/styr.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/styr.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The Debian package: build with -DCMAKE_INSTALL_PREFIX=/usr, then cpack -G DEB.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME styr)
set(CPACK_PACKAGE_VENDOR "styr")
set(CPACK_PACKAGE_CONTACT "styr maintainers <styr@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION "styr checks a municipal action plan (handlingsplan) against a ruleset of Lua and YAML read at run time, and ranks proposed innovation areas under weighting scenarios.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_LICENSE "EUPL-1.2")
# dpkg-shlibdeps (dpkg-dev) derives Depends from the binaries' libraries.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
include(CPack)
