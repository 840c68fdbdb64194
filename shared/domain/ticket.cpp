#include "domain/ticket.hpp"

#include <algorithm>

namespace antrean {

bool Officer::serves(const AreaId& area, Purpose purpose) const {
    return std::find(areas.begin(), areas.end(), area) != areas.end() &&
           std::find(purposes.begin(), purposes.end(), purpose) != purposes.end();
}

}  // namespace antrean
