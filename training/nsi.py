"""Real brand names from OpenStreetMap's name-suggestion-index (NSI) as training merchants.

Source: the npm package `name-suggestion-index@8.0.20260918` (https://github.com/osmlab/name-suggestion-index,
BSD-3-Clause, copyright the name-suggestion-index contributors). Its `dist/json/nsi.min.json` lists the
brands mappers tag in OpenStreetMap, each with the places it operates in (`locationSet`) and its OSM
tags (`amenity=fast_food`, `shop=supermarket`, ...). We keep the brands that operate where the
statements this model reads come from (the US, Canada, or worldwide), whose name is plain Latin
after normalization, and whose OSM category maps honestly to one of our categories (`TAG_TO_CATEGORY`
below; banks, ATMs, car dealers, offices and anything ambiguous are left out). The names are facts
(what a chain is called and what it sells); only they and their category are used, never any code.

The package is fetched once with `npm pack` into `training/.cache/` (gitignored) and its sha512
integrity is checked against the pinned value before it is read.

    python3 training/nsi.py            # prints the counts per category and a sample of each
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata

PACKAGE = "name-suggestion-index"
VERSION = "8.0.20260918"
INTEGRITY = "sha512-g09kxye3aswAETIa//gA56MjonmjcyXCzdIwlDhpBVAwLKXOUJA1QZL5eE4ZRstTFFx9I2o9eARONUXVC72SAw=="
CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache")
TARBALL = os.path.join(CACHE, "%s-%s.tgz" % (PACKAGE, VERSION))
MEMBER = "package/dist/json/nsi.min.json"

# Places whose statements the model reads: the US (the whole country or a state, "us-ny.geojson"),
# Canada, and brands tagged as operating worldwide ("001"). EXTRA_PLACES may add others (gb, au, ...).
PLACES = ("us", "ca", "001")
EXTRA_PLACES = ()
# Country groups for EXTRA_PLACES (ablate.py places=intl): the non-US countries whose bank formats the
# real-line set has, and the other western European countries whose brands their statements print.
PLACE_GROUPS = {
    "intl": ("gb", "ie", "nl", "de", "fr", "be", "lu", "au", "nz", "sg"),
    "eu": ("at", "ch", "es", "it", "pt", "dk", "se", "no", "fi", "pl", "cz"),
}

# OSM tag path (the NSI tree key without "brands/") -> our category. Chosen from what a purchase at
# such a business is in a household budget and from where the corpus already puts such businesses
# (merchants.py lists gyms under personal_care, bakeries and ISO 18245's 5462 under dining, daycare
# under education, self-storage under housing, vets and movers under other).
TAG_TO_CATEGORY = {
    "dining": "amenity/restaurant amenity/fast_food amenity/cafe amenity/bar amenity/pub amenity/ice_cream "
              "amenity/food_court amenity/biergarten shop/bakery shop/pastry shop/coffee",
    "groceries": "shop/supermarket shop/convenience shop/greengrocer shop/butcher shop/deli shop/seafood "
                 "shop/wholesale shop/frozen_food shop/farm",
    "transport": "amenity/fuel amenity/charging_station man_made/charge_point amenity/car_wash amenity/parking "
                 "amenity/bicycle_rental amenity/taxi amenity/vehicle_inspection shop/car_repair shop/tyres "
                 "shop/car_parts shop/truck_repair highway/services",
    "shopping": "shop/clothes shop/shoes shop/department_store shop/electronics shop/furniture shop/jewelry "
                "shop/sports shop/variety_store shop/doityourself shop/hardware shop/houseware shop/bed "
                "shop/watches shop/fashion_accessories shop/books shop/outdoor shop/toys shop/pet shop/bag "
                "shop/interior_decoration shop/paint shop/kitchen shop/craft shop/stationery shop/baby_goods "
                "shop/appliance shop/hifi shop/music shop/musical_instrument shop/video_games shop/second_hand "
                "shop/computer shop/garden_centre shop/general shop/boutique shop/fabric shop/party "
                "shop/bathroom_furnishing shop/lighting shop/flooring shop/tiles shop/window_blind shop/art "
                "shop/frame shop/camera shop/bicycle shop/golf shop/swimming_pool shop/country_store",
    "health": "amenity/pharmacy amenity/clinic amenity/dentist amenity/doctors amenity/hospital shop/optician "
              "shop/hearing_aids shop/medical_supply healthcare/laboratory healthcare/physiotherapist "
              "healthcare/clinic healthcare/dentist healthcare/optometrist healthcare/rehabilitation "
              "healthcare/audiologist healthcare/alternative healthcare/pharmacy healthcare/doctor "
              "healthcare/hospital healthcare/counselling healthcare/psychotherapist",
    "personal_care": "shop/hairdresser shop/beauty shop/cosmetics shop/perfumery shop/massage shop/dry_cleaning "
                     "shop/laundry shop/tattoo shop/hairdresser_supply leisure/fitness_centre",
    "entertainment": "amenity/cinema amenity/theatre amenity/casino amenity/nightclub leisure/bowling_alley "
                     "leisure/amusement_arcade leisure/escape_game leisure/miniature_golf leisure/indoor_play "
                     "leisure/trampoline_park leisure/water_park leisure/golf_course leisure/ice_rink "
                     "tourism/theme_park tourism/zoo tourism/aquarium amenity/events_venue",
    "travel": "tourism/hotel tourism/motel tourism/hostel tourism/guest_house tourism/caravan_site "
              "tourism/camp_site amenity/car_rental shop/travel_agency",
    "insurance": "office/insurance",
    "education": "amenity/kindergarten amenity/school amenity/driving_school amenity/prep_school amenity/college "
                 "amenity/university amenity/language_school amenity/music_school amenity/childcare "
                 "amenity/training",
    "gifts_donations": "shop/gift shop/florist",
    "housing": "shop/storage_rental office/mortgage",
    "debt_payment": "shop/money_lender",
    "other": "amenity/veterinary amenity/post_office amenity/money_transfer shop/copyshop office/lawyer "
             "office/tax_advisor craft/cleaning office/moving_company shop/funeral_directors",
}
CATEGORY_OF_TAG = {tag: category for category, tags in TAG_TO_CATEGORY.items() for tag in tags.split()}

# NSI's operators and transit networks (the tree keys "operators/..." and "transit/..."): who runs the
# power lines, gas pipelines, water, waste collection, exchanges, hospitals and bus and rail routes.
# On a statement they are the biller of a household bill ("PACIFIC GAS AND ELECTRIC", "WASTE
# MANAGEMENT") or the transit fare ("MTA", "BART"). The name is the item's operator (transit: network,
# else operator). Schools and parks are left out (a school district or park agency is rarely a payee), and
# so are recycling and waste-bin operators (mostly cities, universities and charities such as Goodwill).
OPERATOR_TREES = {
    "utilities": "operators/power/line operators/power/minor_line operators/power/substation operators/power/pole "
                 "operators/power/tower operators/power/transformer operators/power/plant operators/power/generator "
                 "operators/man_made/pipeline operators/pipeline/substation operators/amenity/waste_transfer_station "
                 "operators/amenity/drinking_water operators/man_made/water_works operators/telecom/exchange",
    "transport": "transit/route/bus transit/highway/bus_stop transit/route/train transit/route/subway "
                 "transit/route/light_rail transit/route/tram transit/route/ferry transit/public_transport/station "
                 "transit/railway/station operators/amenity/charging_station operators/man_made/charge_point",
    "health": "operators/amenity/hospital operators/amenity/clinic",
}
# The operators a household pays (OPERATOR_SET = "household"): power distribution (line and minor
# line operators, not generation or pipelines), energy and water suppliers, telephone exchanges; the
# public-transport networks and stations, car-sharing, parking and charging operators; hospital systems.
HOUSEHOLD_OPERATOR_TREES = {
    "utilities": "operators/power/line operators/power/minor_line operators/office/energy_supplier "
                 "operators/office/water_utility operators/man_made/water_works operators/telecom/exchange",
    "transport": "transit/route/bus transit/route/train transit/route/subway transit/route/light_rail "
                 "transit/route/tram transit/route/trolleybus transit/route/ferry transit/railway/station "
                 "transit/amenity/ferry_terminal operators/amenity/charging_station operators/man_made/charge_point "
                 "operators/amenity/car_sharing operators/amenity/parking",
    "health": "operators/amenity/hospital operators/amenity/clinic",
}
USE_OPERATORS = False  # off in the shipped recipe (see corpus.INTL_SHARE); tune.py / ablate.py operators=1
OPERATOR_SET = "all"  # "all": OPERATOR_TREES; "household": HOUSEHOLD_OPERATOR_TREES; "transit": its transport only


def _category_of_operator_tree():
    trees = HOUSEHOLD_OPERATOR_TREES if OPERATOR_SET in ("household", "transit") else OPERATOR_TREES
    if OPERATOR_SET == "transit":
        trees = {"transport": trees["transport"]}
    return {tree: category for category, names in trees.items() for tree in names.split()}


def _fetch():
    """The pinned tarball in the cache, fetched with `npm pack` if missing; its sha512 is checked."""
    if not os.path.exists(TARBALL):
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run(["npm", "pack", "%s@%s" % (PACKAGE, VERSION), "--pack-destination", CACHE, "--silent"],
                       check=True, stdout=subprocess.DEVNULL)
    digest = hashlib.sha512()
    with open(TARBALL, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    got = "sha512-" + base64.b64encode(digest.digest()).decode()
    if got != INTEGRITY:
        raise SystemExit("%s: integrity %s, expected %s" % (TARBALL, got, INTEGRITY))
    return TARBALL


def _in_places(location_set, places):
    for place in location_set.get("include", []):
        place = str(place).lower()
        if place in places or (place.startswith("us-") and place.endswith(".geojson") and "us" in places):
            return True
    return False


def normalize(name):
    """A brand name as card statements print it: accents dropped, upper case, only the ASCII letters,
    digits and the punctuation statements keep; None if anything non-Latin is left."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = name.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    if any(ord(ch) > 127 for ch in name):
        return None
    name = re.sub(r"[^A-Za-z0-9&'.\-/+*# ]", " ", name).upper()
    name = re.sub(r"\s+", " ", name).strip()
    return name if re.search(r"[A-Z]", name) and len(name) >= 2 else None


def key(name):
    """The identity used for deduplication: letters and digits only ("WENDY'S" = "WENDYS")."""
    return re.sub(r"[^A-Z0-9]", "", name.upper())


def load(places=None):
    """{category: sorted brand names} from the pinned NSI; a name mapped to two categories is dropped."""
    places = places or PLACES + EXTRA_PLACES
    with tarfile.open(_fetch(), "r:gz") as tar:
        data = json.load(tar.extractfile(MEMBER))
    seen = {}
    category_of_operator_tree = _category_of_operator_tree()
    for tree_key, tree in sorted(data["nsi"].items()):
        if tree_key.startswith("brands/"):
            category, fields = CATEGORY_OF_TAG.get(tree_key[len("brands/"):]), ("brand", "name")
        elif USE_OPERATORS:
            category = category_of_operator_tree.get(tree_key)
            fields = ("network", "operator") if tree_key.startswith("transit/") else ("operator",)
        else:
            continue
        if category is None:
            continue
        for item in tree["items"]:
            if not _in_places(item.get("locationSet", {}), places):
                continue
            tags = item.get("tags", {})
            raw = next((tags[f] for f in fields if tags.get(f)), None) or item.get("displayName", "")
            name = normalize(raw)
            if name is None:
                name = normalize(tags.get(fields[0] + ":en") or tags.get("name:en") or "")
            if name is None:
                continue
            seen.setdefault(key(name), {}).setdefault(category, name)
    out = {}
    for by_category in seen.values():
        if len(by_category) == 1:  # the same name under two categories says nothing reliable
            (category, name), = by_category.items()
            out.setdefault(category, []).append(name)
    return {category: sorted(names) for category, names in out.items()}


if __name__ == "__main__":
    places = tuple(sys.argv[1:]) or PLACES
    brands = load(places)
    for category in sorted(brands):
        print("%-16s %5d  %s" % (category, len(brands[category]), ", ".join(brands[category][::max(1, len(brands[category]) // 12)])))
    print("total", sum(len(v) for v in brands.values()))
