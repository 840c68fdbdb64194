#include "domain/text_list.hpp"
#include "cli/user_command.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <regex>

#include "auth/accounts.hpp"

namespace antrean::server {
namespace {

// 16 characters from an alphabet without look-alikes: about 90 bits.
std::string generate_password() {
    constexpr std::string_view alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    std::string password;
    for (int i = 0; i < 16; ++i) {
        password += alphabet[randombytes_uniform(static_cast<uint32_t>(alphabet.size()))];
    }
    return password;
}

}  // namespace

int run_user_add(const UserAddOptions& options) {
    const auto role = parse_role_names(options.role);
    if (!role) {
        std::cerr << "--role '" << options.role << "' is invalid: use officer, receptionist or admin\n";
        return 2;
    }
    if (!std::regex_match(options.username, std::regex("^[A-Za-z0-9._-]{2,40}$"))) {
        std::cerr << "--username '" << options.username << "' is invalid: use 2-40 letters, digits, '.', '_' or '-'\n";
        return 2;
    }
    officer_records::NewOfficer officer;
    officer.username = options.username;
    officer.display_name = options.display_name;
    officer.role = *role;
    officer.areas = split_list(options.areas);
    for (const std::string& name : split_list(options.purposes)) {
        const auto purpose = parse_purpose_names(name);
        if (!purpose) {
            std::cerr << "--purposes: '" << name << "' is invalid: use complaint, information or consultation\n";
            return 2;
        }
        officer.purposes.push_back(*purpose);
    }
    if (*role == Role::Officer && officer.areas.empty()) {
        std::cerr << "--areas is required for an officer, for example --areas pbk,srg\n";
        return 2;
    }

    std::string password;
    const bool generated = !options.password_stdin;
    if (options.password_stdin) {
        std::getline(std::cin, password);
        if (!password.empty() && password.back() == '\r') password.pop_back();
    } else {
        password = generate_password();
    }

    auto config = load_config(options.config_path.empty() ? default_config_path()
                                                          : std::filesystem::path(options.config_path));
    if (!config) {
        std::cerr << "configuration is invalid: " << config.error().params["problem"] << "\n";
        return 2;
    }
    auto office_time = OfficeTime::create(config->time_zone);
    if (!office_time) {
        std::cerr << "time zone '" << config->time_zone << "' is not in the tz database\n";
        return 2;
    }
    Store store;
    auto db = Database::open(options.db_path);
    if (!db) {
        std::cerr << "cannot open database " << options.db_path << ": " << db.error().params["reason"] << "\n";
        return 2;
    }
    store.db = std::move(*db);
    if (auto migrated = migrate(*store.db); !migrated) {
        std::cerr << "cannot migrate database " << options.db_path << ": " << migrated.error().params["reason"] << "\n";
        return 2;
    }
    spdlog::set_level(spdlog::level::warn);
    SystemClock clock;
    EventHub hub;
    QueueEngine engine(store, *config, *office_time, clock, hub);
    Accounts accounts(engine);
    auto id = accounts.create(officer, password);
    if (!id) {
        const Error& error = id.error();
        if (error.message_key == "error.password_too_short") {
            std::cerr << "the password must have at least " << kMinPasswordLength << " characters\n";
        } else if (error.message_key == "error.username_taken") {
            std::cerr << "the user name '" << options.username << "' already exists\n";
        } else if (error.message_key == "error.unknown_area") {
            std::cerr << "--areas: '" << error.params.at("area") << "' is not a service area of the configuration\n";
        } else {
            std::cerr << "the account could not be stored: " << error.message_key << "\n";
        }
        return 1;
    }
    std::cout << "created " << options.role << " '" << options.username << "' with id " << *id << "\n";
    if (generated) {
        std::cout << "password (shown once, store it now): " << password << "\n";
    }
    return 0;
}

}  // namespace antrean::server
